"""Analysis over the stored evidence: gap matrix, self-scores, the self-assessment draft."""
