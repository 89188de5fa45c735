"""councilgraph: a knowledge graph of English councils, peer challenges and who leads what."""

__version__ = "0.1.0"
