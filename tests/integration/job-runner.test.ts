import { beforeEach, describe, expect, it } from "vitest";
import { enqueueJob } from "@/lib/jobs/queue";
import { runDueJobs, type JobHandler } from "@/lib/jobs/worker";
import { sendEmail } from "@/lib/messaging/service";
import { outboxFor } from "../setup/outbox";
import { db, resetDb } from "../setup/db";

const NOW = new Date("2026-12-01T12:00:00Z");

async function queue(count: number, kind = "test.job") {
  for (let i = 0; i < count; i++) await enqueueJob(kind, { n: i }, { runAt: NOW });
}

const jobs = () => db().job.findMany({ orderBy: { id: "asc" } });

describe("the job runner", () => {
  beforeEach(resetDb);

  it("gives up a job whose runs never finished (it crashed the process each time) without running it again", async () => {
    await queue(1);
    // Eight claims that never ended: the process died each time, and the lock ran out.
    await db().job.updateMany({ data: { attempts: 8, lockedUntil: new Date(NOW.getTime() - 1) } });
    let runs = 0;
    const ran = await runDueJobs({ "test.job": () => Promise.resolve(void runs++) }, [], NOW);
    expect(ran).toBe(1);
    expect(runs).toBe(0);
    const [job] = await jobs();
    expect(job!.failedAt).toEqual(NOW);
    expect(job!.lastError).toMatch(/stopped every time/);
    expect(
      await runDueJobs(
        { "test.job": () => Promise.resolve(void runs++) },
        [],
        new Date(NOW.getTime() + 3600_000),
      ),
    ).toBe(0);
  });

  it("counts a claim as an attempt before the job runs", async () => {
    await queue(1);
    let attemptsSeen = -1;
    await runDueJobs(
      {
        "test.job": async () => {
          attemptsSeen = (await jobs())[0]!.attempts;
        },
      },
      [],
      NOW,
    );
    expect(attemptsSeen).toBe(1);
  });

  it("when stopping, finishes the running job and hands the claimed ones not started back to the queue", async () => {
    await queue(3);
    let stopping = false;
    const handled: number[] = [];
    const handler: JobHandler = (payload) => {
      handled.push((payload as { n: number }).n);
      stopping = true; // SIGTERM arrives while the first job runs
      return Promise.resolve();
    };
    expect(await runDueJobs({ "test.job": handler }, [], NOW, () => stopping)).toBe(1);
    const after = await jobs();
    expect(after.map((j) => [j.doneAt !== null, j.lockedUntil, j.attempts])).toEqual([
      [true, null, 1],
      [false, null, 0],
      [false, null, 0],
    ]);
    // Another worker takes them at once, not after the lock would have run out.
    expect(await runDueJobs({ "test.job": handler }, [], NOW)).toBe(2);
    expect(handled.sort()).toEqual([0, 1, 2]);
  });

  it("runs each job exactly once when two runners poll the same queue", async () => {
    await queue(40);
    const runsOf = new Map<number, number>();
    const handler: JobHandler = async (payload) => {
      const n = (payload as { n: number }).n;
      runsOf.set(n, (runsOf.get(n) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    const runner = async () => {
      while ((await runDueJobs({ "test.job": handler }, [], NOW)) > 0);
    };
    await Promise.all([runner(), runner()]);
    expect(runsOf.size).toBe(40);
    expect([...runsOf.values()].every((runs) => runs === 1)).toBe(true);
    expect((await jobs()).every((j) => j.doneAt !== null)).toBe(true);
  });

  it("a send job run again after it stopped mid-way sends each of its emails once", async () => {
    await queue(1, "test.send");
    let run = 0;
    const handler: JobHandler = async () => {
      run += 1;
      await sendEmail({ to: "job@example.test", subject: "First", text: "one" });
      // The first run stops after its first email, as a process killed there would.
      if (run === 1) throw new Error("stopped after the first email");
      await sendEmail({ to: "job@example.test", subject: "Second", text: "two" });
    };
    await runDueJobs({ "test.send": handler }, [], NOW);
    await runDueJobs({ "test.send": handler }, [], new Date(NOW.getTime() + 60 * 60_000));

    expect(run).toBe(2);
    const sent = await outboxFor("job@example.test");
    expect(sent.map((m) => m.subject).sort()).toEqual(["First", "Second"]);
    expect((await jobs())[0]!.doneAt).not.toBeNull();
    // Another job sending the same email is another message.
    await queue(1, "test.send");
    run = 1;
    await runDueJobs({ "test.send": handler }, [], new Date(NOW.getTime() + 2 * 60 * 60_000));
    expect(await outboxFor("job@example.test")).toHaveLength(4);
  });
});
