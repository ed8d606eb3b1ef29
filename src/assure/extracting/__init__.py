"""Extraction from clean text: figures (``figures``), dates (``dates``),
references, and consistency findings over them (``consistency``)."""
