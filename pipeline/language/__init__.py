"""Text-level tools every stage may use: named patterns, the number parser, counted nouns, the word lists
(``lexicon``), garble scores and sentences. They know nothing of documents or stages."""
