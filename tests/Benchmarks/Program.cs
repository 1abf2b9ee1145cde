using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Decoupling.Benchmarks;
using Decoupling.Engine;
using Decoupling.Engine.Persistence;
using Decoupling.Engine.Services;
using Decoupling.Engine.Store;
using Decoupling.TestSupport;

// Load harness for the engine's throughput goals (issue 2). Prints figures; asserts nothing.
//   dotnet run -c Release --project tests/Benchmarks -- memory     in-memory engine vs bpmn-engine 25 (Node) on the same model
//   dotnet run -c Release --project tests/Benchmarks -- postgres   engine on PostgreSQL at 1 and 8 clients vs pgbench tpcb-like, fsync off then on
//   dotnet run -c Release --project tests/Benchmarks -- inbox      inbox latency (p50/p95) on PostgreSQL with 1,000,000 open tasks
//   dotnet run -c Release --project tests/Benchmarks -- import     register import of 10k rows (Excel) into SQLite and PostgreSQL
//   dotnet run -c Release --project tests/Benchmarks -- probe      where a PostgreSQL step spends its time (per step, per query, raw round trip)
var mode = args.FirstOrDefault() ?? "memory";

// the machine is shared: figures taken while other builds run are slower, so each run says how busy it was
if (File.Exists("/proc/loadavg"))
{
    Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
}
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var duration = TimeSpan.FromSeconds(seconds);

if (mode == "memory")
{
    var engine = new WorkflowEngine(new InMemoryEngineStore(), new HandlerDispatcher([new BenchModel.NoopHandler()]), listeners: [TaskCatcher.Instance]);
    var ours = await EngineRun.InstancesPerSecondAsync(engine, clients: 1, duration, warmup: 2000);
    Console.WriteLine($"engine (in memory, 1 thread): {ours:F0} instances/s");
    var node = RunBpmnEngine(seconds);
    if (node is { } theirs)
    {
        Console.WriteLine($"bpmn-engine 25 (Node):        {theirs:F0} instances/s");
        Console.WriteLine($"ratio: {ours / theirs:F1}x (goal >= 100x)");
    }

    return 0;
}

if (mode == "probe")
{
    var connection = await PostgresServer.CreateDatabaseAsync("probe");
    var store = EfEngineStore.ForPostgres(connection);
    await using (var context = store.CreateContext())
    {
        await EngineDatabase.MigrateAsync(context);
    }

    var engine = new WorkflowEngine(store, new HandlerDispatcher([new BenchModel.NoopHandler()]), listeners: [TaskCatcher.Instance]);
    await engine.DeployAsync(BenchModel.Xml, "bench.bpmn", "bench");
    var reviewer = Actor.User("reviewer");
    var start = new Stopwatch();
    var complete = new Stopwatch();
    var cpu = TimeSpan.Zero;
    var iterations = Environment.GetEnvironmentVariable("PROBE_ITERATIONS") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 2500;
    for (var i = 0; i < iterations; i++)
    {
        if (i == iterations - 500) { start.Reset(); complete.Reset(); cpu = Process.GetCurrentProcess().TotalProcessorTime; }
        start.Start();
        var instance = await engine.StartAsync("bench", "p" + i, null, reviewer);
        start.Stop();
        complete.Start();
        await engine.Tasks.CompleteAsync(TaskCatcher.Take(instance.Id), reviewer, "approve", null, null);
        complete.Stop();
    }

    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine($"start {start.Elapsed.TotalMilliseconds / 500:F2} ms, complete {complete.Elapsed.TotalMilliseconds / 500:F2} ms; engine process CPU {cpu.TotalMilliseconds / 500:F2} ms per instance (two steps)");
    var one = Stopwatch.StartNew();
    for (var i = 0; i < 500; i++)
    {
        await engine.GetInstanceAsync(Guid.NewGuid());
    }

    Console.WriteLine($"one query in its own session {one.Elapsed.TotalMilliseconds / 500:F3} ms");
    await using (var raw = new Npgsql.NpgsqlConnection(connection))
    {
        await raw.OpenAsync();
        var rt = Stopwatch.StartNew();
        for (var i = 0; i < 500; i++)
        {
            await using var cmd = new Npgsql.NpgsqlCommand("select 1", raw);
            await cmd.ExecuteScalarAsync();
        }

        Console.WriteLine($"raw round trip {rt.Elapsed.TotalMilliseconds / 500:F3} ms");
    }
    return 0;
}

if (mode == "postgres")
{
    // The machine is shared with other builds, whose load comes and goes: engine and pgbench are measured in turns, three
    // rounds each on the same database, and the medians compared, so a burst of outside load hits both alike.
    foreach (var fsync in new[] { false, true })
    {
        await SetFsyncAsync(fsync);
        foreach (var clients in new[] { 1, 8 })
        {
            var connection = await PostgresServer.CreateDatabaseAsync("bench");
            var store = EfEngineStore.ForPostgres(connection);
            await using (var context = store.CreateContext())
            {
                await EngineDatabase.MigrateAsync(context);
            }

            var engine = new WorkflowEngine(store, new HandlerDispatcher([new BenchModel.NoopHandler()]), listeners: [TaskCatcher.Instance]);
            await engine.DeployAsync(BenchModel.Xml, "bench.bpmn", "bench");
            await EngineRun.WarmAsync(engine, clients, warmup: 50);
            InitPgbench(connection);
            var ours = new List<double>();
            var theirs = new List<double>();
            var loads = new List<string>();
            for (var round = 0; round < 3; round++)
            {
                loads.Add(LoadAverage());
                ours.Add(await EngineRun.MeasureAsync(engine, clients, duration));
                theirs.Add(RunPgbench(connection, clients, seconds));
            }

            // an instance is two engine transactions (start+service+wait, complete): compare those with pgbench's
            var engineTps = Median(ours) * 2;
            var pgbench = Median(theirs);
            var goal = clients == 1 ? "60%" : "75%";
            Console.WriteLine($"PostgreSQL fsync={(fsync ? "on" : "off")}, {clients} client(s): engine {engineTps / 2:F0} instances/s = {engineTps:F0} engine transactions/s; pgbench tpcb-like {pgbench:F0} tps; ratio {engineTps / pgbench:P0} (goal >= {goal}); rounds: engine {string.Join("/", ours.Select(o => (o * 2).ToString("F0", CultureInfo.InvariantCulture)))}, pgbench {string.Join("/", theirs.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}; load average at each round {string.Join("/", loads)}");
            await PostgresServer.DropDatabaseAsync(connection);
        }
    }

    await SetFsyncAsync(null);
    return 0;
}

if (mode == "import")
{
    await ImportBenchmark.RunAsync(rows: args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
    return 0;
}

if (mode == "inbox")
{
    await InboxBenchmark.RunAsync(openTasks: args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
    return 0;
}

Console.Error.WriteLine("usage: Decoupling.Benchmarks memory|postgres|probe|inbox [seconds|tasks]");
return 2;

static double? RunBpmnEngine(double seconds)
{
    var dir = Path.Combine(AppContext.BaseDirectory, "node");
    if (!Directory.Exists(Path.Combine(dir, "node_modules", "bpmn-engine")))
    {
        var install = Process.Start(new ProcessStartInfo("npm", "install --no-audit --no-fund --silent") { WorkingDirectory = dir })!;
        install.WaitForExit();
        if (install.ExitCode != 0)
        {
            Console.WriteLine("bpmn-engine: npm install failed, no comparison");
            return null;
        }
    }

    var model = Path.Combine(dir, "bench.bpmn");
    File.WriteAllText(model, BenchModel.Xml);
    var run = Process.Start(new ProcessStartInfo("node", $"bench.mjs bench.bpmn {seconds.ToString(CultureInfo.InvariantCulture)}")
    {
        WorkingDirectory = dir,
        RedirectStandardOutput = true,
    })!;
    var output = run.StandardOutput.ReadToEnd();
    run.WaitForExit();
    var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{'));
    return line is null ? null : JsonNode.Parse(line)!["instancesPerSecond"]!.GetValue<double>();
}

// fsync is a reload-time setting: ALTER SYSTEM and a reload switch it for every connection of the server (null: back to
// the server's start-up value)
static async Task SetFsyncAsync(bool? on)
{
    await using var admin = new Npgsql.NpgsqlConnection(PostgresServer.ConnectionString);
    await admin.OpenAsync();
    var sql = on is { } value ? $"ALTER SYSTEM SET fsync = {(value ? "on" : "off")}" : "ALTER SYSTEM RESET fsync";
    await using (var set = new Npgsql.NpgsqlCommand(sql, admin))
    {
        await set.ExecuteNonQueryAsync();
    }

    await using var reload = new Npgsql.NpgsqlCommand("SELECT pg_reload_conf()", admin);
    await reload.ExecuteScalarAsync();
    await Task.Delay(500);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static string PgbenchArgs(string connection, string rest)
{
    var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
    return $"-h {builder.Host} -p {builder.Port} -U {builder.Username} {rest} {builder.Database}";
}

static void InitPgbench(string connection)
{
    var init = Process.Start(new ProcessStartInfo("pgbench", PgbenchArgs(connection, "-i -q -s 1")) { RedirectStandardError = true, RedirectStandardOutput = true })!;
    init.StandardOutput.ReadToEnd();
    init.StandardError.ReadToEnd();
    init.WaitForExit();
}

static double RunPgbench(string connection, int clients, double seconds)
{
    string Args(string rest) => PgbenchArgs(connection, rest);
    var run = Process.Start(new ProcessStartInfo("pgbench", Args($"-c {clients} -j {Math.Min(clients, 2)} -T {(int)Math.Max(1, seconds)}"))
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    })!;
    var output = run.StandardOutput.ReadToEnd();
    run.WaitForExit();
    var tps = output.Split('\n').FirstOrDefault(l => l.StartsWith("tps = ", StringComparison.Ordinal));
    return tps is null ? double.NaN : double.Parse(tps["tps = ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
}
