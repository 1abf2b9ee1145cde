using System.Diagnostics;
using Decoupling.Domain;
using Decoupling.Domain.Common;
using Npgsql;

namespace Decoupling.Host.Cli;

/// <summary>pg_dump and pg_restore: found on PATH, given the connection through PG* variables (the password never on the command line).</summary>
public static class ExternalTool
{
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    public static async Task RunAsync(string program, string connectionString, IEnumerable<string> arguments)
    {
        var path = Find(program) ?? throw new DomainException(DomainErrorCodes.BackupPgDumpMissing, program);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = builder.Host ?? "127.0.0.1";
        start.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = builder.Username ?? "";
        start.Environment["PGDATABASE"] = builder.Database ?? "";
        if (!string.IsNullOrEmpty(builder.Password))
        {
            start.Environment["PGPASSWORD"] = builder.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(program);
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new DomainException(DomainErrorCodes.BackupToolFailed, program, process.ExitCode, (await error).Trim());
        }
    }
}
