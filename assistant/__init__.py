"""The read side: retrieval, answers with verified citations, the CLI, the app and the evaluation."""
