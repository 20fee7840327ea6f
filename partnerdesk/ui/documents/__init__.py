"""Printed documents in the app: preview (QtPdf), issue, print, save as PDF, and verification."""
