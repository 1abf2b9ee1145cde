// Hangfire keeps its configuration (log provider, storage) in static state that each host instance sets at start;
// running the hosts of this assembly one at a time keeps one test's disposed host out of another's jobs.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
