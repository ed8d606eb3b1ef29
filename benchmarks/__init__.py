"""Benchmarks: each ``bench_*.py`` module has ``run()``, which prints figures beside a peer's.

They measure and print; they never pass or fail on a time.
"""
