"""The public SPARQL engine: a lexical guard, content negotiation and a pool of killable workers."""
