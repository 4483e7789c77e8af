// The tests load solutions with MSBuildWorkspace and run real builds on a 2-core machine shared with other builds: one
// at a time keeps each within its bounds and the whole run predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
