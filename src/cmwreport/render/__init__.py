"""Renderers: each turns a computed model (coverage, report) into one output family."""
