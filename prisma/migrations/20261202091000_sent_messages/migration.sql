-- The messages a background job has sent, by the job's own message key: a job run again after a crash skips
-- what its first run already sent.
CREATE TABLE "sent_messages" (
    "key" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sent_messages_pkey" PRIMARY KEY ("key")
);
