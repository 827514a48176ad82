using System.Text.Json;
using Workbook.Runner.Authoring;
using Workbook.Runner.Cli;
using Workbook.Runner.Execution;
using Workbook.Runner.Notebooks;
using Workbook.Runner.Progress;
using Workbook.Runner.Twins;

namespace Workbook.Runner;

/// <summary>The workbook's command-line runner.</summary>
public static class Program
{
    /// <summary>Default per-cell timeout in seconds.</summary>
    public const double DefaultCellTimeoutSeconds = 300;

    private const string Usage = """
        Concurrency Workbook runner

        Usage:
          run [PATH...] [--out DIR] [--cell-timeout SECONDS] [--solutions] [--repeat N] [--no-site]
              Execute notebooks (files, or folders of .ipynb; default: notebooks), each in a fresh
              C# kernel with its folder as working directory. Writes DIR/notebooks/*.ipynb (executed),
              DIR/site/index.html (static site, charts draw offline) and DIR/summary.txt.
              DIR defaults to out. Exit code 0 only when every cell passed.
              --solutions runs each exercise's reference solution in place of its stub.
              --repeat N runs every notebook N times in the same kernel (all cells, then all cells
              again): a notebook a learner can re-run passes with --repeat 2.
              A notebook also fails if, after its last cell, a server the workbook started is still
              listening or a process it started is still running.
          export FILE.ipynb OUT.dib   Write a notebook as .dib text (cells separated by #!markdown / #!csharp)
                                      for editing; import turns it back into the same notebook.
          import FILE.dib OUT.ipynb   Convert a .dib draft into a clean C# notebook.
          progress [FILE|FOLDER...] [--chapter NN-name] [--file PROGRESS.json] [--json]
                                      Which exercises are passed, per chapter. Without a path: your progress
                                      file (WORKBOOK_PROGRESS, else ~/.concurrency-workbook/progress.json),
                                      or one learner's with --file. With files or folders of *.json files
                                      (one per learner, named after the learner): a class table, exercises
                                      against learners. --json prints the same as JSON. Files are only read.
          twins [PATH...] [--out DIR] [--check] [--solutions]
                                      Generate each notebook's twin, a C# file-based app DIR/NN-name.cs
                                      (default DIR: twins) that runs the chapter in a terminal:
                                      dotnet run twins/01-threads.cs. --check writes nothing and exits 1
                                      when a committed twin differs from what its notebook generates.
                                      --solutions puts the reference solutions in place of the stubs.
          clean PATH...               Remove outputs from notebooks in place.
          help                        This text.
        """;

    /// <summary>Entry point; returns the process exit code.</summary>
    public static async Task<int> Main(string[] args)
    {
        try
        {
            var line = CommandLine.Parse(args,
                valued: new HashSet<string> { "--out", "--cell-timeout", "--repeat", "--executed", "--result", "--chapter", "--file" },
                flags: new HashSet<string> { "--solutions", "--no-site", "--check", "--json" });
            return line.Command switch
            {
                "run" => await Run(line),
                "execute" => await Execute(line),
                "import" => Import(line),
                "export" => Export(line),
                "progress" => ShowProgress(line),
                "clean" => Clean(line),
                "twins" => TwinsCommand.Run(line.Positional.Count > 0 ? line.Positional : ["notebooks"], line.Get("--out", TwinGenerator.DefaultFolder), line.Has("--check"), line.Has("--solutions"), Console.Out),
                "help" or "--help" or "-h" => Help(),
                _ => throw new UsageException($"unknown command \"{line.Command}\"."),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("Run with 'help' for usage.");
            return 2;
        }
        catch (Exception e) when (e is RunSetupException or NotebookException or FileNotFoundException or ArgumentException or TwinException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static int Help()
    {
        Console.WriteLine(Usage);
        return 0;
    }

    private static async Task<int> Run(CommandLine line)
    {
        var paths = line.Positional.Count > 0 ? line.Positional : ["notebooks"];
        var options = new RunOptions(paths, line.Get("--out", "out"),
            ExecuteOptionsFrom(line),
            WriteSite: !line.Has("--no-site"));
        var notebooks = WorkbookRun.ResolveNotebooks(paths);
        Console.WriteLine($"Running {notebooks.Count} notebook(s){(options.Execute.Solutions ? " with reference solutions" : "")}{(options.Execute.Repeat > 1 ? $", {options.Execute.Repeat} passes each" : "")}, cell timeout {options.Execute.CellTimeout.TotalSeconds:0} s ...");
        var report = await WorkbookRun.RunAsync(options, o =>
            Console.WriteLine($"  {Path.GetFileName(o.Notebook),-36} {o.Cells.Count,4} cells {o.Seconds,7:0.0} s  {o.StatusText}"),
            guard: LeftoverGuard.Enable());
        Console.WriteLine();
        Console.Write(SummaryTable.Format(report));
        Console.WriteLine($"Executed notebooks: {Path.GetFullPath(Path.Combine(options.OutputFolder, "notebooks"))}");
        if (report.SiteIndex is not null) Console.WriteLine($"Site: {Path.GetFullPath(report.SiteIndex)}");
        return report.Succeeded ? 0 : 1;
    }

    private static async Task<int> Execute(CommandLine line)
    {
        if (line.Positional.Count != 1) throw new UsageException("execute takes exactly one notebook.");
        var result = line.Get("--result", "") is { Length: > 0 } r ? r : throw new UsageException("execute needs --result FILE.");
        var executed = line.Get("--executed", "") is { Length: > 0 } x ? x : throw new UsageException("execute needs --executed FILE.");
        var outcome = await NotebookExecutor.ExecuteAsync(Path.GetFullPath(line.Positional[0]), Path.GetFullPath(executed),
            ExecuteOptionsFrom(line));
        File.WriteAllText(result, JsonSerializer.Serialize(outcome with { Notebook = line.Positional[0] }, Json.Options));
        // A timed-out cell may still be running on a foreground thread: end the process regardless.
        Console.Out.Flush();
        Environment.Exit(outcome.Succeeded ? 0 : 1);
        return 0;
    }

    private static ExecuteOptions ExecuteOptionsFrom(CommandLine line) => new(
        line.Seconds("--cell-timeout", DefaultCellTimeoutSeconds),
        line.Has("--solutions"),
        line.Integer("--repeat", 1, 1, ExecuteOptions.MaxRepeat));

    private static int Import(CommandLine line)
    {
        if (line.Positional.Count != 2) throw new UsageException("import takes a .dib file and the .ipynb to write.");
        var json = NotebookTemplate.FromDib(File.ReadAllText(line.Positional[0]));
        File.WriteAllText(line.Positional[1], json);
        Console.WriteLine($"wrote {line.Positional[1]}");
        return 0;
    }

    private static int ShowProgress(CommandLine line)
    {
        var chapter = line.Get("--chapter", "") is { Length: > 0 } c ? c : null;
        if (chapter is not null && !Workbook.Exercises.ExerciseCatalogue.Chapters.Contains(chapter))
            throw new UsageException($"no chapter \"{chapter}\" has exercises; known: {string.Join(", ", Workbook.Exercises.ExerciseCatalogue.Chapters)}.");
        var file = line.Get("--file", "");
        if (file.Length > 0 && !File.Exists(file)) throw new UsageException($"{file}: no such progress file.");
        var json = line.Has("--json");
        if (line.Positional.Count == 0 && file.Length == 0 && !json)
        {
            Console.WriteLine(Workbook.Exercises.Progress.Report(Workbook.Exercises.ProgressStore.ForCurrentUser(), chapter));
            return 0;
        }

        // Files are only read, never locked or repaired: they may be learners' files an instructor collected.
        var files = line.Positional.Count > 0
            ? [.. ClassProgress.Files(line.Positional), .. file.Length > 0 ? [file] : Array.Empty<string>()]
            : new List<string> { file.Length > 0 ? file : Workbook.Exercises.ProgressStore.DefaultPath };
        if (files.Count == 0) throw new UsageException($"no progress files (*.json) in {string.Join(", ", line.Positional)}.");
        var learners = ClassProgress.Read(files.Where(f => File.Exists(f) || line.Positional.Count > 0), Workbook.Exercises.ExerciseCatalogue.All, chapter);
        if (json)
        {
            Console.WriteLine(ClassProgress.ToJson(learners));
            return 0;
        }

        if (line.Positional.Count == 0)
        {
            var one = learners.Single();
            if (one.Problem is not null) throw new UsageException($"{one.File} cannot be read: {one.Problem}");
            Console.WriteLine($"{Workbook.Exercises.ProgressReport.Format(one.Rows)}\nProgress file: {Path.GetFullPath(one.File)}");
            return 0;
        }

        Console.WriteLine(ClassProgress.Format(learners));
        return 0;
    }

    private static int Export(CommandLine line)
    {
        if (line.Positional.Count != 2) throw new UsageException("export takes a .ipynb file and the .dib to write.");
        File.WriteAllText(line.Positional[1], NotebookTemplate.ToDib(NotebookDocument.Load(line.Positional[0])));
        Console.WriteLine($"wrote {line.Positional[1]}");
        return 0;
    }

    private static int Clean(CommandLine line)
    {
        foreach (var path in WorkbookRun.ResolveNotebooks(line.Positional))
        {
            var document = NotebookDocument.Load(path);
            document.ClearOutputs();
            document.Save(path);
        }
        return 0;
    }
}
