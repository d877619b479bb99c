Gone = It is gone
