import express    from 'express'
import OpenAI from "openai"
import { billing } from '../lib/billing.js'

const router = express.Router()
const openai = new OpenAI( )

router.post('/stream', async (req: express.Request & { user?: { id: string } }, res) => {
    if (!req.user) return res.status( 401 ).end()
    const stream = await openai.chat.completions.create({ model: 'gpt-4o', stream: true,
        messages: [ { role: 'user', content: String( req.body.prompt ) } ], stream_options: { include_usage: true } })
    let billed = false
    try {
        for await (const chunk of stream) {
            if (chunk.usage) {
                billed = true
                void billing.trackUsage({
                    customer: { externalId: req.user?.id },
                    eventType: 'chat_completion',
                    data: {
                        total_tokens: chunk.usage?.total_tokens,
                        input_tokens: chunk.usage?.prompt_tokens,
                        output_tokens: chunk.usage?.completion_tokens,
                        model: chunk.model,
                    },
                    subject: chunk.id,
                })
            }
            res.write(chunk.choices[0]?.delta?.content ?? "") ;
            // keep going
        }
    } finally {
        // The stream stopped before it reported its usage: bill what is known (at least the estimate).
        if (!billed) {
            void billing.trackUsage({
                customer: { externalId: req.user?.id },
                eventType: 'chat_completion',
                data: {
                    partial: true,
                    model: 'gpt-4o',
                },
            })
        }
    }
    res.end()
})

export default router
