"""assistant: conversations. Rewrites a follow-up into a standalone query, retrieves,
decides whether the evidence is strong enough, and composes an answer whose every
sentence cites a retrieved passage as [n] (extractive by default; generative through a
LangChain chat model when one is configured). Also a LangChain retriever over the index.
"""

from assistant.assistant import Assistant
from assistant.models import Answer, Citation

__all__ = ["Assistant", "Answer", "Citation"]
