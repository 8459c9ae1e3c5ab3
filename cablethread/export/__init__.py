"""Export: a release written as GraphML, JSON, CSV, mbox and EML, FollowTheMoney."""
