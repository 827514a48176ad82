// The first cell of every chapter loads this file. It finds the built workbook library, references
// it (with the NuGet packages copied beside it), and prepares charts and the usual namespaces.
// Nothing here needs editing; if the library is not built, it says the one command to run.
var workbookLibrary = System.IO.Path.GetFullPath(System.IO.Path.Combine("..", "artifacts", "bin", "Workbook", "debug", "Workbook.dll"));
if (!System.IO.File.Exists(workbookLibrary))
{
    throw new System.IO.FileNotFoundException(
        "The workbook library is not built yet (looked for " + workbookLibrary + ").\n" +
        "In a terminal at the repository root run:\n\n    dotnet build lib/Workbook\n\n" +
        "then run this cell again.");
}
((Microsoft.DotNet.Interactive.CSharp.CSharpKernel)Microsoft.DotNet.Interactive.Kernel.Current).AddAssemblyReferences(new[] { workbookLibrary });
// The library can only be used by the next submission, so the namespaces and the chart formatter
// are set up in a command the kernel runs just before your next cell.
Microsoft.DotNet.Interactive.Kernel.Current.DeferCommand(new Microsoft.DotNet.Interactive.Commands.SubmitCode(
    "using System.Collections.Concurrent; using System.Diagnostics; using System.IO; using System.Threading; " +
    "using Workbook; using Workbook.Charts; using Workbook.Measurement; using Workbook.Exercises; Workbook.Notebook.Setup();"));
Console.WriteLine($"Workbook library ready: {workbookLibrary} (built {System.IO.File.GetLastWriteTime(workbookLibrary):yyyy-MM-dd HH:mm}).");
