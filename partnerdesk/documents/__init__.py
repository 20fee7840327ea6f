"""Printed documents: fonts, print profiles, templates as data (forms/) and the PDF renderer.

A renderer layer: imports the domain and reportlab only, never services, db or Qt. Services load the template,
gather the record's data as a plain dict and call ``render.render(template, data)``.
"""
