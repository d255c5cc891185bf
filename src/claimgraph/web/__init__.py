"""The web app and HTTP API (reads the store only)."""
