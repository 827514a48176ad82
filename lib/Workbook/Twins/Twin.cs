using System.Text;
using Workbook.Exercises;

namespace Workbook.Twins;

/// <summary>
/// What a chapter's twin (<c>twins/NN-name.cs</c>, a C# file-based app generated from the notebook)
/// calls: <c>Twin.Start</c> first, then <c>Twin.Section</c>/<c>Twin.Cell</c> as the chapter goes on,
/// <c>Twin.Show</c> where the notebook displays a value, <c>Twin.Check</c> for exercises, and
/// <c>Twin.Done</c> at the end. It is the console counterpart of the notebook's setup cell.
/// </summary>
/// <remarks>
/// One process-wide <see cref="TwinSession"/> behind static methods, for the program's main thread.
/// <see cref="Start"/> makes the notebook folder the working directory (as in the notebook kernel,
/// so relative paths such as <c>../data/...</c> work), and turns an unhandled exception into a
/// message naming the cell that was running and exit code 1.
/// </remarks>
public static class Twin
{
    private static TwinSession? s_session;

    /// <summary>True when the twin was started with <c>--check</c>: only the exercise checks run.</summary>
    public static bool ChecksOnly => Session.ChecksOnly;

    private static TwinSession Session => s_session ?? throw new InvalidOperationException("Call Twin.Start(...) first: it is the first line of every twin.");

    /// <summary>
    /// Sets the twin up: reads its arguments (<see cref="TwinArguments.Usage"/>), finds the repository
    /// from the twin file's folder, makes the notebook folder the working directory and prints the banner.
    /// Exits with code 2 on a bad argument and 0 after <c>--help</c>.
    /// </summary>
    /// <param name="chapter">The notebook's name without extension, e.g. <c>"01-threads"</c>.</param>
    /// <param name="title">The chapter title, e.g. <c>"01 · Threads"</c>.</param>
    /// <param name="args">The program's arguments.</param>
    /// <param name="notebooks">The notebook folder relative to the twin file.</param>
    public static void Start(string chapter, string title, string[] args, string notebooks = "../notebooks")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chapter);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(notebooks);
        TryUseUtf8();
        TwinArguments arguments;
        try
        {
            arguments = TwinArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message.Split(" (Parameter", 2)[0]}");
            Console.Error.WriteLine(TwinArguments.Usage);
            Environment.Exit(2);
            return;
        }

        if (arguments.Help)
        {
            Console.WriteLine(TwinArguments.Usage);
            Environment.Exit(0);
        }

        // Set by `dotnet run file.cs`: the twin file, whatever the working directory.
        string? entry = AppContext.GetData("EntryPointFilePath") as string;
        string twinFolder = entry is null ? Environment.CurrentDirectory : Path.GetDirectoryName(entry)!;
        string notebookFolder = Path.GetFullPath(Path.Combine(twinFolder, notebooks));
        if (!Directory.Exists(notebookFolder))
        {
            Console.Error.WriteLine($"error: the notebook folder {notebookFolder} does not exist; run the twin from its place in the repository.");
            Environment.Exit(2);
        }

        string root = Path.GetDirectoryName(notebookFolder)!;
        string outRoot = arguments.OutputFolder is { } o ? Path.GetFullPath(o) : Path.Combine(root, "out", "twins");
        string twinFile = Path.GetRelativePath(root, entry ?? Path.Combine(twinFolder, chapter + ".cs")).Replace('\\', '/');
        var settings = new TwinSettings(chapter, title, root, twinFile, Path.Combine(outRoot, chapter), outRoot, arguments);
        Environment.CurrentDirectory = notebookFolder;

        s_session?.Dispose();
        var session = new TwinSession(settings, Console.Out, Exercises.Exercises.Runner);
        s_session = session;
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            session.Failed(e.ExceptionObject);
            Console.Out.Flush();
            // Exit here, with a plain code, instead of the runtime's abort (and core dump) for an unhandled exception.
            Environment.Exit(1);
        };
        session.Begin();
    }

    /// <summary>Prints a section heading (level 2) or subsection heading (level 3) with the elapsed time.</summary>
    /// <param name="title">The heading as the notebook writes it.</param>
    /// <param name="level">2 or 3.</param>
    public static void Section(string title, int level = 2)
    {
        ArgumentNullException.ThrowIfNull(title);
        Session.Section(title, level);
    }

    /// <summary>Marks where notebook cell <paramref name="number"/> begins; a cell that runs long gets a progress note.</summary>
    /// <param name="number">The cell's number in the notebook.</param>
    public static void Cell(int number) => Session.Cell(number);

    /// <summary>Shows a value the notebook displays: charts become HTML pages, collections tables, the rest text.</summary>
    /// <param name="value">The value.</param>
    public static void Show(object? value) => Session.Show(value);

    /// <summary>Checks an exercise answer as <c>Exercises.Check</c> does, and says what to edit and run next.</summary>
    /// <typeparam name="T">The learner's class.</typeparam>
    /// <param name="id">The exercise id.</param>
    /// <param name="create">Makes a fresh answer.</param>
    /// <returns>The verdict.</returns>
    public static CheckResult Check<T>(string id, Func<T> create)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(create);
        return Session.Check(id, create);
    }

    /// <summary>Prints a hint, unless this run's check of the exercise already did.</summary>
    /// <param name="id">The exercise id.</param>
    public static void Hint(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Session.Hint(id);
    }

    /// <summary>Prints the summary and sets the exit code (1 when <c>--check</c> found a failed exercise).</summary>
    public static void Done() => Environment.ExitCode = Session.Done();

    private static void TryUseUtf8()
    {
        try
        {
            // The chapters print ✓, · and →; a Windows console needs to be told.
            Console.OutputEncoding = Encoding.UTF8;
        }
        catch (IOException)
        {
            // Output redirected to something that refuses an encoding change: keep its own.
        }
    }
}
