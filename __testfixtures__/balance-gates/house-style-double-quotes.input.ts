import { Router } from "express"
import { openai } from "../lib/openai.js"
import { requireAuth } from "../middleware/requireAuth.js"

export const notes = Router()

notes.post("/notes/summary", requireAuth, async (req, res) => {
    const summary = await openai.chat.completions.create({
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: `Summarize: ${req.body.text}` }],
    })
    res.json({ summary: summary.choices[0]?.message.content })
})
