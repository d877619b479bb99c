Pending =
    { $count ->
        [0] No volumes are pending
        [one] One volume is pending
       *[other] { $count } volumes are pending
    }
    .explanation = Volumes wait for a node with room for them.
Phase =
    { $phase ->
        [running] The volume is running
       *[other] The volume is { $phase }
    }
