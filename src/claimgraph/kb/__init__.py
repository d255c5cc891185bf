"""The knowledge base: one picture from many reports. See KnowledgeBase."""

from claimgraph.kb.knowledge import KnowledgeBase

__all__ = ["KnowledgeBase"]
