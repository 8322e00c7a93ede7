import { Router } from "express"
import { openai } from "../lib/openai.js"
import { requireAuth } from "../middleware/requireAuth.js"
import { billing } from "../lib/billing.js"
import { costOf } from "../lib/billing-costs.js"

export const chatRouter = Router()

chatRouter.post("/chat", requireAuth, async (req, res) => {
    const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: req.body.messages })
    void billing.trackUsage({
        customer: { externalId: req.user?.id },
        eventType: "chat_completion",
        data: {
            total_tokens: completion.usage?.total_tokens,
            input_tokens: completion.usage?.prompt_tokens,
            output_tokens: completion.usage?.completion_tokens,
            model: completion.model,
        },
        costs: costOf("openai", completion.model, completion.usage),
        subject: completion.id,
    })
    res.json({ reply: completion.choices[0]?.message.content })
})
