"""Importing services from a Standar Pelayanan spreadsheet (XLSX/CSV).

``sheet`` reads the file and builds the template, ``cells`` parses single cells, ``rows`` turns the
sheet into service records with row-level issues; these three import nothing from Django. ``writer``
resolves OPDs and regulations and writes draft service pages, all or nothing.
"""
