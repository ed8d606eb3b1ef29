"""Ingestion as a job: files in, documents stored, above the pipeline and storage.

The pipeline (pure) reads and parses each file; the job stores each one in its
own transaction. The runner decides where the pipeline runs: in this process
(``LocalRunner``) or on a Dask cluster (``assure.ingest.distributed``), with the
same results. Training the classifier is a job of its own (``training``), run
only when asked.
"""
