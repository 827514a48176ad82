using System.Diagnostics;
using System.Reflection;

namespace Workbook.Exercises;

/// <summary>Turns whatever a check threw into an outcome and a message for the learner.</summary>
internal static class OutcomeClassifier
{
    /// <summary>Classifies an exception that escaped a check.</summary>
    /// <param name="error">The exception.</param>
    /// <returns>The outcome and the message (without the hint suggestion).</returns>
    public static (CheckOutcome Outcome, string Message) Classify(Exception error)
    {
        var all = Flatten(error).ToList();

        // A stub anywhere (even one worker thread out of eight) means "not started yet",
        // which is a friendlier verdict than whatever the other threads did meanwhile.
        if (all.OfType<NotImplementedException>().FirstOrDefault() is { } missing)
        {
            string where = Location(missing) is { } at ? $" (from {at})" : string.Empty;
            return (CheckOutcome.NotAttempted,
                $"your code still throws NotImplementedException{where}. Replace the TODO in the exercise cell, run that cell, then run this check again.");
        }

        if (all.OfType<ExerciseFailedException>().FirstOrDefault() is { } failed)
        {
            return (CheckOutcome.Failed, failed.Message);
        }

        Exception cause = all.FirstOrDefault(e => e is not AggregateException and not TargetInvocationException) ?? error;
        string location = Location(cause) is { } place ? $" in {place}" : string.Empty;
        return (CheckOutcome.Failed, $"your code threw {cause.GetType().Name}{location}: {cause.Message}");
    }

    /// <summary>The exception and everything it wraps, depth first, outermost first.</summary>
    internal static IEnumerable<Exception> Flatten(Exception error)
    {
        yield return error;
        IEnumerable<Exception> inner = error switch
        {
            AggregateException aggregate => aggregate.InnerExceptions,
            { InnerException: { } one } => [one],
            _ => [],
        };
        foreach (Exception child in inner)
        {
            foreach (Exception nested in Flatten(child))
            {
                yield return nested;
            }
        }
    }

    /// <summary>The method that threw, as <c>Type.Method</c>, when the stack trace says.</summary>
    private static string? Location(Exception error)
    {
        MethodBase? method = new StackTrace(error, fNeedFileInfo: false).GetFrame(0)?.GetMethod();
        if (method is null)
        {
            return null;
        }

        // Script cells compile to nested classes of "Submission#N" and lambdas to compiler-named
        // classes and methods; show the names the learner actually wrote.
        Type? type = method.DeclaringType;
        while (type is not null && type.Name.StartsWith('<'))
        {
            type = type.DeclaringType;
        }

        string name = method.Name;
        if (name.StartsWith('<') && name.IndexOf('>', StringComparison.Ordinal) is > 1 and var close)
        {
            name = $"{name[1..close]} (in a lambda)";
        }
        else if (name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("set_", StringComparison.Ordinal))
        {
            name = name[4..];
        }

        return $"{type?.Name ?? "?"}.{name}";
    }
}
