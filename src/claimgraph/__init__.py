"""claimgraph: a sourced knowledge graph of armed groups and conflict, built from news reports."""

__version__ = "0.1.0"
