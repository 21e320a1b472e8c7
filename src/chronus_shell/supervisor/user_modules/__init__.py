"""User modules, the supervisor's part: the sandbox pool that proves a file before any slot runs it
(`sandbox_pool` its API and verdicts, `sandbox_processes` its worker processes, `sandbox_worker` a
worker's entry point, `validation` the checks it runs, `worker_meters` what it measures of itself),
hot reload (`hot_reload`: watch the folder, register accepted types, hand them to the slots) and
`wiring` (the pool and hot reload set up for the REPL, `chronus run` and `chronus render`).
Loading a class and the hang guard are the engine's part, `engine/user_modules/`."""
