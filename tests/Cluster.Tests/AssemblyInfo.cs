// One test class at a time: each starts two app processes, and on two cores two clusters at once would starve the
// membership probes that the failover test relies on (a slow node looks dead).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
