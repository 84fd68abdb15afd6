"""Workflows on dossiers: appointments, status changes, letters, CSV import, reports."""
