"""Phản ánh, kiến nghị: services (receive, deadline, answer)."""
