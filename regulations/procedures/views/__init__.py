"""Thủ tục hành chính: public catalogue and pages (public), admin views (admin) and the
legal-basis change report (basis)."""
