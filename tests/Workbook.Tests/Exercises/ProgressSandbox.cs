using System.Runtime.CompilerServices;
using Workbook.Exercises;

namespace Workbook.Tests.Exercises;

/// <summary>
/// Safety net: before any test runs, point WORKBOOK_PROGRESS at a temporary file so that no test
/// can ever write to the real ~/.concurrency-workbook/progress.json. Tests themselves inject
/// their own <see cref="ProgressStore"/> and never rely on this variable.
/// </summary>
internal static class ProgressSandbox
{
    [ModuleInitializer]
    internal static void PointProgressAtTemp()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ProgressStore.EnvironmentVariable)))
        {
            string path = Path.Combine(Path.GetTempPath(), "workbook-tests-" + Environment.ProcessId, "progress.json");
            Environment.SetEnvironmentVariable(ProgressStore.EnvironmentVariable, path);
        }
    }
}
