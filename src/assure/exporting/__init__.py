"""Exports a council uses: the self-assessment draft as Word, HTML or Markdown,
the gap matrix as Excel or CSV."""
