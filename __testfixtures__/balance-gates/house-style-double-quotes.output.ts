import { Router } from "express"
import { openai } from "../lib/openai.js"
import { requireAuth } from "../middleware/requireAuth.js"
import { billing } from "../lib/billing.js"

export const notes = Router()

notes.post("/notes/summary", requireAuth, async (req, res) => {
    const balance = await billing.checkBalance({ customer: { externalId: req.user?.id }, estimate: 0.01 })
    if (!balance.allowed) return res.status(402).json(balance.body)
    const summary = await openai.chat.completions.create({
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: `Summarize: ${req.body.text}` }],
    })
    res.json({ summary: summary.choices[0]?.message.content })
})
