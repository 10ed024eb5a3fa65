import Dispatch

/// Runs a few windows through the steps at once, one per core, and hands their outputs on in
/// order: the output is the one the windows would give one at a time, since the steps that
/// allow it (readings, punctuation, script: `StreamingStep.windowRunner()`) carry nothing from
/// one window to the next. Each core has runners of its own; the script step's converter then
/// runs on that core only, rather than sharing each window between the cores.
///
/// A batch holds at most ``maximumWorkers`` windows, so a stream's memory stays bounded (about
/// four times a window per worker: its input, the steps' outputs and the converter's buffers).
final class WindowBatch {
    /// More workers would hold more windows (a MiB or so each) for less and less gain. On the
    /// 2-core machine this was measured on, two windows at once took `normalize --to simplified`
    /// of the 24 MB corpus from 0.53 s to 0.36 s whole process (same CPU time; single runs at a
    /// load of about 4).
    static let maximumWorkers = 4

    private let workers: [Worker]
    private var count = 0

    /// A batch for these steps; nil when windows must go one at a time: one core, or a step
    /// that carries state across windows (line repair) or is the caller's own.
    init?(steps: [any NormalizationStep], threads: Int = System.activeProcessorCount) {
        let workerCount = min(threads, Self.maximumWorkers)
        guard workerCount > 1, !steps.isEmpty else { return nil }
        var workers: [Worker] = []
        for _ in 0..<workerCount {
            var runners: [any StepRunner] = []
            for step in steps {
                guard let runner = (step as? any StreamingStep)?.windowRunner() else { return nil }
                runners.append(runner)
            }
            workers.append(Worker(runners: runners))
        }
        self.workers = workers
    }

    /// Adds a window to the batch; true when the batch is full and should run.
    func add(_ window: TextWindow) -> Bool {
        workers[count].input = window
        count += 1
        return count == workers.count
    }

    /// Runs the windows added since the last run, on as many cores, and emits their outputs in
    /// the order the windows were added.
    func run<E: Error>(_ emit: ([UInt8]) throws(E) -> Void) throws(E) {
        let n = count
        guard n > 0 else { return }
        count = 0
        if n == 1 {
            workers[0].run()
        } else {
            let workers = self.workers
            DispatchQueue.concurrentPerform(iterations: n) { workers[$0].run() }
        }
        for worker in workers.prefix(n) {
            for window in worker.output where !window.bytes.isEmpty { try emit(window.bytes) }
            worker.output = []
        }
    }

    /// One core's runners and window. Each worker is touched by one thread during a run, and
    /// read by the caller only after all have finished.
    private final class Worker: @unchecked Sendable {
        let runners: [any StepRunner]
        var input: TextWindow?
        var output: [TextWindow] = []

        init(runners: [any StepRunner]) { self.runners = runners }

        func run() {
            guard let input else { return }
            self.input = nil
            var windows = [input]
            for runner in runners { windows = runner.process(all: windows) }
            output = windows
        }
    }
}
