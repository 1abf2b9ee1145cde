// Every test starts its own three host processes; two clusters at once on a 2-core CI machine would only measure contention.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
