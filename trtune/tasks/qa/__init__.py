"""Extractive question answering: find the span of a Turkish text that answers a question."""
