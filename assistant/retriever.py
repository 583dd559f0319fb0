"""A LangChain `BaseRetriever` over the hybrid search, so the index plugs into other chains."""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from index.models import Filters
from index.searcher import LiveIndex


class ThuiswijzerRetriever(BaseRetriever):
    """Hybrid (dense + BM25) search with metadata filters; documents carry their citation data."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: LiveIndex
    k: int = 8
    filters: Filters | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        hits = self.index.get().search(query, self.k, self.filters)
        return [
            LCDocument(
                page_content=hit.chunk.text,
                metadata={
                    "doc_id": hit.document.doc_id, "title": hit.document.display_title, "source": hit.document.source,
                    "page": hit.chunk.page_start, "section": hit.chunk.section, "type": hit.document.metadata.type,
                    "region": hit.document.metadata.region, "score": hit.score, "chunk_id": hit.chunk.chunk_id,
                },
            )
            for hit in hits
        ]
