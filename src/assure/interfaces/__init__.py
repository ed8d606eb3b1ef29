"""The ends of the pipeline that people and programs use: CLI, web, API, JSON contract."""
