using Workbook.Exercises;

namespace Workbook.Tests.Exercises;

public sealed class ExerciseCatalogueTests
{
    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workbook.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Workbook.sln not found above the test output folder.");
    }

    [Fact]
    public void All_ContainsChapter01InOrder()
    {
        Assert.Equal(["01.1", "01.2", "01.3", "01.4"], ExerciseCatalogue.ForChapter("01-threads").Select(e => e.Id));
        Assert.Contains("01-threads", ExerciseCatalogue.Chapters);
        Assert.Same(ExerciseCatalogue.Find("01.2"), ExerciseCatalogue.All.Single(e => e.Id == "01.2"));
        Assert.Null(ExerciseCatalogue.Find("00.0"));
    }

    [Fact]
    public void All_EveryExerciseHasAtLeastTwoHintLevels() =>
        Assert.All(ExerciseCatalogue.All, e => Assert.True(e.Hints.Count >= 2, $"{e.Id} has {e.Hints.Count} hint(s)"));

    [Fact]
    public void All_EveryExerciseHasSolutionFileStartingWithItsCellMarker()
    {
        string root = RepositoryRoot();
        Assert.All(ExerciseCatalogue.All, exercise =>
        {
            string path = Path.Combine(root, exercise.SolutionPath);
            Assert.True(File.Exists(path), $"missing {exercise.SolutionPath}");
            string[] lines = File.ReadAllLines(path);
            Assert.Equal(exercise.CellMarker, lines[0]);

            // Cell code cannot declare a namespace; the solution must stay pasteable into a cell.
            Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith("namespace ", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Build_DuplicateIds_ThrowsNamingTheId()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ExerciseCatalogue.Build([typeof(TestSetA), typeof(TestSetDuplicate)]));

        Assert.Contains("99.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ExerciseInWrongChaptersSet_Throws() =>
        Assert.Throws<InvalidOperationException>(() => ExerciseCatalogue.Build([typeof(TestSetWrongChapter)]));

    [Fact]
    public void Build_SetsFromTypes_SortedById()
    {
        IReadOnlyList<Exercise> built = ExerciseCatalogue.Build([typeof(TestSetA), typeof(string)]);

        Assert.Equal(["99.1", "99.2", "99.3"], built.Select(e => e.Id));
    }

    public sealed class TestSetA : IExerciseSet
    {
        public string Chapter => TestExercises.Chapter;

        public IReadOnlyList<Exercise> Exercises => [TestExercises.AlwaysFails, TestExercises.RunOnce, TestExercises.RunOnWorkers];
    }

    public sealed class TestSetDuplicate : IExerciseSet
    {
        public string Chapter => TestExercises.Chapter;

        public IReadOnlyList<Exercise> Exercises => [TestExercises.RunOnce];
    }

    public sealed class TestSetWrongChapter : IExerciseSet
    {
        public string Chapter => "98-other";

        public IReadOnlyList<Exercise> Exercises => [TestExercises.RunOnce];
    }
}
