GetPod = Pod { $name } not found
    .explanation = One.
    .explanation = Two.
Events = Events {name} down
