"""Quality statement classification: which statements, evidence category and
stance a passage speaks to. The pipeline calls ``labelling.label_passages``;
``artefact`` keeps the trained model; ``evaluation`` and ``report`` measure it."""
