"""The committee pack parser's parts; ``assure.parsing.committee_pack`` puts them together."""
