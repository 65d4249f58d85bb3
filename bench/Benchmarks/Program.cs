using OrleansPortal.Benchmarks.GrainCalls;
using OrleansPortal.Benchmarks.StateWrites;

// Each benchmark prints details first and its figure as the very last line: "NAME <value> <unit> ...".
return args.FirstOrDefault() switch
{
    "grain-calls" => await GrainCallsBenchmark.RunAsync(args[1..]),
    "state-writes" => await StateWritesBenchmark.RunAsync(args[1..]),
    var name => Usage(name),
};

static int Usage(string? name)
{
    Console.Error.WriteLine($"unknown benchmark '{name}'; available: grain-calls, state-writes");
    return 2;
}
