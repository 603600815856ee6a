"""Registri: a public-service regulation and SOP registry for Indonesian city governments."""
