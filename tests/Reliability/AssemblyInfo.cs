// One test class at a time: each runs the app in its own process under load and breaks it; two at once on two cores
// would make every answer slow enough to look like a fault of its own.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
