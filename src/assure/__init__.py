"""assure: a council's documents as a searchable evidence base mapped to the
regulator's framework."""

__version__ = "0.1.0"
